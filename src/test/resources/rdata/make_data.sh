#!/bin/sh
# Real data sets from R packages in Debian (apt-get install r-cran-mlbench r-cran-aer r-cran-cardata r-cran-ggplot2 r-cran-palmerpenguins r-cran-modeldata; MASS ships with r-base),
# written as R's write.csv writes them (titanic keeps R's unnamed row-names column; ggplot2's Texas housing sales
# get a month_start column written month-first, 7/1/2008, its decimal date dropped and its rows shuffled; 2,000 of
# ggplot2's diamonds drawn at random: x, y, z are a stone's length, width and depth in mm, not outcomes; palmer
# penguins as the package has them: rows grouped by species, Adelie, then Gentoo, then Chinstrap; modeldata's Chicago
# L-train ridership, 5,698 days from 2001-01-22: the date, the Clark/Lake boardings the data set lags by 14 days, the
# weather and the home games; base R's USArrests with its row names as a state column, one row a state; AER's HMDA
# mortgage applications (deny: yes/no); modeldata's credit data (Status: good/bad); modeldata's
# telco churn (wa_churn, IBM's Watson Analytics sample, MIT like the package): 3,500 of its 7,043 customers drawn at
# random, `customer` their row in R's data, ordered by tenure, longest first, so a replay's second half is the newer
# customers — 500 kB like txhousing.csv; and 2,400 of them drawn at random in no order, wa_churn_random.csv, 19 columns
# beside churn); MASS's Cars93, 93 cars of 1993, whose Price is the midpoint of Min.Price and Max.Price; MASS's birthwt, 189 births in random order (R has them sorted by low), whose
# low is bwt < 2500 g), and the
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
data(HMDA); write.csv(HMDA, "hmda.csv", row.names=FALSE)
library(modeldata); data(credit_data); write.csv(credit_data, "credit.csv", row.names=FALSE)
library(ggplot2); d <- as.data.frame(txhousing); d$month_start <- sprintf("%d/1/%d", d$month, d$year); d$date <- NULL
set.seed(7); d <- d[sample(nrow(d)), ]; write.csv(d, "txhousing.csv", row.names=FALSE)
d <- as.data.frame(diamonds); set.seed(7); d <- d[sample(nrow(d), 2000), ]; write.csv(d, "diamonds.csv", row.names=FALSE)
library(palmerpenguins); write.csv(as.data.frame(penguins), "penguins.csv", row.names=FALSE)
library(modeldata); data(Chicago); write.csv(as.data.frame(Chicago)[, c("date", "ridership", "Clark_Lake", "temp",
  "temp_max", "percip", "weather_rain", "weather_snow", "Bulls_Home", "Bears_Home", "Blackhawks_Home", "Cubs_Home",
  "WhiteSox_Home")], "chicago.csv", row.names=FALSE)
d <- data.frame(state=rownames(USArrests), USArrests, row.names=NULL); write.csv(d, "usarrests.csv", row.names=FALSE)
data(wa_churn); d <- data.frame(customer=seq_len(nrow(wa_churn)), as.data.frame(wa_churn)); set.seed(7)
d <- d[sample(nrow(d), 3500), ]; d <- d[order(-d$tenure, d$customer), ]; write.csv(d, "wa_churn.csv", row.names=FALSE)
data(wa_churn); d <- as.data.frame(wa_churn); set.seed(7); write.csv(d[sample(nrow(d), 2400), ], "wa_churn_random.csv", row.names=FALSE)
library(MASS); data(Cars93); write.csv(Cars93, "cars93.csv", row.names=FALSE)
data(birthwt); set.seed(7); write.csv(birthwt[sample(nrow(birthwt)), ], "birthwt.csv", row.names=FALSE)
'
/usr/bin/python3 reference.py > reference.txt
