# Writes R's AirPassengers to src/train/data/airpassengers.csv ("month,passengers"), the real
# series of the time-series task (src/train/data/airpassengers.ts). Run once; the CSV is committed,
# so neither training nor the tests need R.
#   Source: R's `datasets` package (ships with R; Debian r-base-core), AirPassengers: "monthly
#   totals of international airline passengers, 1949 to 1960", in thousands of passengers, from
#   Box, G. E. P., Jenkins, G. M. and Reinsel, G. C. (1976) Time Series Analysis, Forecasting and
#   Control, Series G (after Brown, 1963).
#   Licence: R and its datasets package are GPL (2 or 3); the numbers themselves are historical
#   facts (monthly passenger counts), not creative text.
#   sudo apt-get install -y r-base-core
#   Rscript scripts/data/airpassengers.R
x <- datasets::AirPassengers
months <- sprintf("%04d-%02d", as.integer(floor(time(x) + 1e-6)), as.integer(cycle(x)))
out <- file("src/train/data/airpassengers.csv", open = "w", encoding = "UTF-8")
writeLines(c(
  "# R datasets::AirPassengers: monthly international airline passengers, thousands, 1949-01 to 1960-12",
  "# Box, Jenkins and Reinsel (1976), Series G; exported by scripts/data/airpassengers.R",
  "month,passengers",
  paste(months, as.numeric(x), sep = ",")
), out)
close(out)
cat("wrote src/train/data/airpassengers.csv:", length(x), "months\n")
