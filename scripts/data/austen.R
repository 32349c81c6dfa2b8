# Writes Jane Austen's six novels (public domain), as packaged by Debian's r-cran-janeaustenr,
# to data/austen.tsv: one line of the books per row, "book<TAB>text". Only for training
# (npm run train -- --task charlm); nothing in npm test needs it, and the file is not committed.
#   sudo apt-get install -y r-base-core r-cran-janeaustenr
#   Rscript scripts/data/austen.R
suppressMessages(library(janeaustenr))
b <- austen_books()
dir.create("data", showWarnings = FALSE)
out <- file("data/austen.tsv", open = "w", encoding = "UTF-8")
writeLines(paste(as.character(b$book), gsub("\t", " ", b$text, fixed = TRUE), sep = "\t"), out, useBytes = TRUE)
close(out)
cat("wrote data/austen.tsv:", nrow(b), "lines\n")
