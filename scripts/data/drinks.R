# Writes the monthly US beverage sales that Debian's r-cran-modeldata ships (drinks: FRED series
# S4248SM144NCEN, millions of dollars, January 1992 to September 2017) to data/drinks.tsv as
# "date<TAB>value". Only for `npm run train -- --task wave`, which normalises it (see
# src/train/data/drinks.ts) and puts one window in the models' presets; the file is not committed.
#   sudo apt-get install -y r-base-core r-cran-modeldata
#   Rscript scripts/data/drinks.R
suppressMessages(library(modeldata))
data(drinks)
dir.create("data", showWarnings = FALSE)
out <- file("data/drinks.tsv", open = "w", encoding = "UTF-8")
writeLines(paste(format(drinks$date, "%Y-%m"), drinks$S4248SM144NCEN, sep = "\t"), out)
close(out)
cat("wrote data/drinks.tsv:", nrow(drinks), "months\n")
