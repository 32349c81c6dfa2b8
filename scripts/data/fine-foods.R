# Writes the Amazon fine-food reviews that Debian's r-cran-modeldata ships (small_fine_foods:
# 4,000 training and 1,000 test reviews, score "great" = 5 stars or "other") to
# data/fine-foods.tsv as "split<TAB>score<TAB>review". Only for training the sentiment models
# (npm run train -- --task sentiment); the file is not committed and no review text is shipped.
#   sudo apt-get install -y r-base-core r-cran-modeldata
#   Rscript scripts/data/fine-foods.R
suppressMessages(library(modeldata))
data(small_fine_foods)
clean <- function(x) gsub("[\t\r\n]+", " ", x)
rows <- rbind(
  data.frame(split = "train", score = as.character(training_data$score), review = clean(training_data$review)),
  data.frame(split = "test", score = as.character(testing_data$score), review = clean(testing_data$review))
)
dir.create("data", showWarnings = FALSE)
out <- file("data/fine-foods.tsv", open = "w", encoding = "UTF-8")
writeLines(paste(rows$split, rows$score, rows$review, sep = "\t"), out, useBytes = TRUE)
close(out)
cat("wrote data/fine-foods.tsv:", nrow(rows), "reviews\n")
