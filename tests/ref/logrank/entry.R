# entry.R - references for the log-rank test with delayed entry
# (exo_logrank_test_entry). R's survdiff takes no entry times; the
# log-rank test is the score test of the Cox model with the exact
# (discrete) partial likelihood, which coxph computes with entry times.
# Without entry the two agree (checked below, as a guard).
#
#   Rscript tests/ref/logrank/entry.R ../shared/data/survival-ref/lung.csv \
#       > tests/ref/logrank/entry.json
#
# Entry times: row i (1-based) enters at floor(time * ((37 i) mod 50) / 100),
# from 0 to 49% of its time; the unit test computes the same.
suppressMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
lung <- read.csv(args[1])
lung$entry <- floor(lung$time * ((37 * seq_len(nrow(lung))) %% 50) / 100)
stopifnot(all(lung$entry < lung$time))
score <- function(formula, data) {
  fit <- coxph(formula, data = data, ties = "exact")
  unname(fit$score)
}
plain <- survdiff(Surv(time, status == 2) ~ sex, data = lung)$chisq
guard <- score(Surv(time, status == 2) ~ factor(sex), lung)
stopifnot(abs(plain - guard) < 1e-9 * plain)
ecog <- lung[!is.na(lung$ph.ecog) & lung$ph.ecog < 3, ]
out <- list(
  r = paste(R.version$major, R.version$minor, sep = "."),
  survival = as.character(packageVersion("survival")),
  sex_chisq = score(Surv(entry, time, status == 2) ~ factor(sex), lung),
  ecog_chisq = score(Surv(entry, time, status == 2) ~ factor(ph.ecog), ecog),
  sex_strata_ecog_chisq = score(Surv(entry, time, status == 2) ~ factor(sex)
                                + strata(ph.ecog), ecog))
cat("{\n", paste(sprintf("  \"%s\": %s", names(out),
    sapply(out, function(v) if (is.character(v)) sprintf("\"%s\"", v)
                            else sprintf("%.17g", v))), collapse = ",\n"),
    "\n}\n", sep = "")
