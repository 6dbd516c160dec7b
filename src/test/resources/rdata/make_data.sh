#!/bin/sh
# Real data sets from R packages in Debian (apt-get install r-cran-mlbench r-cran-aer r-cran-cardata r-cran-ggplot2 r-cran-palmerpenguins r-cran-modeldata),
# written as R's write.csv writes them (titanic keeps R's unnamed row-names column; ggplot2's Texas housing sales
# get a month_start column written month-first, 7/1/2008, its decimal date dropped and its rows shuffled; 2,000 of
# ggplot2's diamonds drawn at random: x, y, z are a stone's length, width and depth in mm, not outcomes; palmer
# penguins as the package has them: rows grouped by species, Adelie, then Gentoo, then Chinstrap; modeldata's Chicago
# L-train ridership, 5,698 days from 2001-01-22: the date, the Clark/Lake boardings the data set lags by 14 days, the
# weather and the home games; base R's USArrests with its row names as a state column, one row a state; 2,400 of
# modeldata's telco customers (wa_churn, 19 columns beside churn) drawn at random), and the
# reference figures the tests use (chicago-log.csv and its figures: make_chicago_log.py).
set -e
cd "$(dirname "$0")"
Rscript -e '
library(mlbench); data(PimaIndiansDiabetes); write.csv(PimaIndiansDiabetes, "pima.csv", row.names=FALSE)
data(Glass); write.csv(Glass, "glass.csv", row.names=FALSE)
library(AER); data(CreditCard); write.csv(CreditCard, "creditcard.csv", row.names=FALSE)
library(carData); data(TitanicSurvival); write.csv(TitanicSurvival, "titanic.csv", row.names=TRUE)
data(Arrests); write.csv(Arrests, "arrests.csv", row.names=FALSE)
data(Salaries); write.csv(Salaries, "salaries.csv", row.names=FALSE)
library(ggplot2); d <- as.data.frame(txhousing); d$month_start <- sprintf("%d/1/%d", d$month, d$year); d$date <- NULL
set.seed(7); d <- d[sample(nrow(d)), ]; write.csv(d, "txhousing.csv", row.names=FALSE)
d <- as.data.frame(diamonds); set.seed(7); d <- d[sample(nrow(d), 2000), ]; write.csv(d, "diamonds.csv", row.names=FALSE)
library(palmerpenguins); write.csv(as.data.frame(penguins), "penguins.csv", row.names=FALSE)
library(modeldata); data(Chicago); write.csv(as.data.frame(Chicago)[, c("date", "ridership", "Clark_Lake", "temp",
  "temp_max", "percip", "weather_rain", "weather_snow", "Bulls_Home", "Bears_Home", "Blackhawks_Home", "Cubs_Home",
  "WhiteSox_Home")], "chicago.csv", row.names=FALSE)
d <- data.frame(state=rownames(USArrests), USArrests, row.names=NULL); write.csv(d, "usarrests.csv", row.names=FALSE)
data(wa_churn); d <- as.data.frame(wa_churn); set.seed(7); write.csv(d[sample(nrow(d), 2400), ], "wa_churn.csv", row.names=FALSE)
'
/usr/bin/python3 reference.py > reference.txt
