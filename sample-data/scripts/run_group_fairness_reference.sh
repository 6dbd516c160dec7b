#!/bin/sh
# Makes the Salaries model and scored file run_group_fairness_reference.py reads, then its expected.json (run from the
# repository root, after `mvn -q compile dependency:build-classpath -Dmdep.outputFile=cp.txt`).
set -e
D=src/test/resources/report/fairness
TB="java -cp target/classes:$(cat cp.txt) org.twinbench.Launcher"
/usr/bin/python3 sample-data/scripts/run_group_fairness_reference.py data
$TB train --data $D/salaries-train.csv --target salary --task regression --algo linear --exclude row --holdout 0 \
    --out $D/salaries-linear.twinmodel
$TB score --data $D/salaries-replay.csv --model $D/salaries-linear.twinmodel --out $D/salaries-scored.csv
/usr/bin/python3 sample-data/scripts/run_group_fairness_reference.py expected
