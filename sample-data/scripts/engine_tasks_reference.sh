#!/bin/sh
# Makes the models and scored files engine_tasks_reference.py reads (run from the repository root, after
# `mvn -q compile dependency:build-classpath -Dmdep.outputFile=cp.txt`).
set -e
D=src/test/resources/tasks/engine
TB="java -cp target/classes:$(cat cp.txt) org.twinbench.Launcher"
/usr/bin/python3 sample-data/scripts/engine_tasks_reference.py data
$TB train --data $D/diabetes-train.csv --target target --task regression --algo linear --exclude row \
    --holdout 0 --out $D/diabetes-linear.twinmodel
$TB train --data $D/wine-train.csv --target cultivar --task multiclass --algo logistic \
    --exclude row,alcohol_level --holdout 0 --out $D/wine-logistic.twinmodel
$TB score --data $D/diabetes-replay.csv --model $D/diabetes-linear.twinmodel --out /tmp/diabetes-scored.csv
$TB score --data $D/wine-replay.csv --model $D/wine-logistic.twinmodel --out /tmp/wine-scored.csv
cp /tmp/diabetes-scored.csv /tmp/wine-scored.csv $D/
/usr/bin/python3 sample-data/scripts/engine_tasks_reference.py expected
rm $D/diabetes-scored.csv $D/wine-scored.csv
