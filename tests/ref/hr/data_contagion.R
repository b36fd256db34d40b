# data_contagion.R - the fixture tests/fixtures/hr-dates.csv and R's answers
# for 'exodus survival --data' with date-valued times and contagion over a
# group column (tests/cli/3203-3205 compare with them):
#   Rscript tests/ref/hr/data_contagion.R > tests/ref/hr/data_contagion.json
# (run from the repository's root; writes the fixture too). The retailer's
# employees hired from 2006-01-01 on (the export records every leaver since
# then, so nobody is missing), one row each from their last record: hire
# and termination dates (empty while employed), left (any reason), the
# department and age. Open rows are censored on the file's latest date.
suppressMessages(library(survival))
d <- read.csv(gzfile("data/hr/emp_tmnt.csv.gz"), stringsAsFactors = FALSE)
day <- function(s) as.numeric(as.Date(sub(" .*", "", s), "%m/%d/%Y"))
last <- d[!duplicated(d$EmployeeID, fromLast = TRUE), ]
hire <- day(last$orighiredate_key)
term <- day(last$terminationdate_key)
term[last$terminationdate_key == "1/1/1900"] <- NA
keep <- hire >= as.numeric(as.Date("2006-01-01"))
s <- data.frame(id = last$EmployeeID[keep], hire = hire[keep],
                term = term[keep], left = as.integer(!is.na(term[keep])),
                dept = last$department_name[keep], age = last$age[keep],
                stringsAsFactors = FALSE)
s <- s[order(s$id), ]
iso <- function(x) ifelse(is.na(x), "", format(as.Date(x, origin = "1970-01-01")))
write.csv(data.frame(id = s$id, hire = iso(s$hire), term = iso(s$term),
                     left = s$left, dept = s$dept, age = s$age),
          "tests/fixtures/hr-dates.csv", row.names = FALSE, quote = FALSE)
censor <- max(c(s$hire, s$term), na.rm = TRUE)
s$exit <- ifelse(is.na(s$term), censor, s$term) - s$hire

# Episodes as exo_episodes_compute builds them (tests/ref/hr/retailer.R):
# in each risk interval (a, b] of tenure, the events of rows of the same
# group on calendar days in (a - W, a]; intervals break at each such day
# d and d + W. 'g' NULL: every row is one group.
episodes <- function(W, g) {
  if (is.null(g)) g <- rep("all", nrow(s))
  out <- vector("list", nrow(s))
  for (i in seq_len(nrow(s))) {
    D <- sort(s$term[s$left == 1 & g == g[i]])
    a0 <- s$hire[i]; b0 <- s$hire[i] + s$exit[i]
    if (!(b0 > a0)) next
    br <- sort(unique(c(D, D + W)))
    br <- br[br > a0 & br < b0]
    a <- c(a0, br); b <- c(br, b0)
    n <- findInterval(a, D) - findInterval(a - W, D)
    out[[i]] <- data.frame(a = a - s$hire[i], b = b - s$hire[i],
                           contagion = n,
                           event = c(rep(0, length(a) - 1), s$left[i]),
                           dept = s$dept[i], age = s$age[i],
                           stringsAsFactors = FALSE)
  }
  do.call(rbind, out)
}
e1 <- episodes(90, s$dept)
f1 <- coxph(Surv(a, b, event) ~ contagion + age + strata(dept), data = e1,
            ties = "efron")
e2 <- episodes(30, NULL)
f2 <- coxph(Surv(a, b, event) ~ contagion, data = e2, ties = "efron")
km <- survfit(Surv(exit, left) ~ 1, data = s)

cat("{\n")
cat(sprintf('  "R": "%s", "survival": "%s",\n', R.version.string,
            as.character(packageVersion("survival"))))
cat(sprintf('  "n": %d, "events": %d, "censor_day": %d, "surv_730": %.17g,\n',
            nrow(s), sum(s$left), as.integer(censor),
            summary(km, times = 730)$surv))
fit <- function(key, f, term, last = FALSE)
  cat(sprintf('  "%s": {"coef": %.17g, "se": %.17g, "loglik": %.17g, "events": %d, "n": %d}%s\n',
              key, coef(f)[[term]], sqrt(vcov(f)[term, term]), f$loglik[2],
              f$nevent, f$n, if (last) "" else ","))
fit("dept_contagion", f1, "contagion")
fit("dept_age", f1, "age")
fit("all_contagion", f2, "contagion", last = TRUE)
cat("}\n")
