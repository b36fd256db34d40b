# retailer.R - R's survival answers for the bundled retailer sample
# (data/hr/emp_tmnt.csv.gz), read here from the raw export, independently
# of exodus: tests/unit/test_hr_ref.c compares exodus with them.
#   Rscript tests/ref/hr/retailer.R > tests/ref/hr/retailer.json
# (run from the repository's root; R 4.2, survival 3.5.3 made the file).
# The sample as exodus imports it (README, "init and import"): one spell
# per employee from the original hire date to the termination date, team
# and reason from the employee's last row; open spells censored at the
# latest date the export records; observed from 2006-01-01, so spells
# begun earlier enter late at their tenure on that day; time is tenure in
# days. Reasons: Resignaton (sic) -> resignation, Retirement ->
# retirement, Layoff -> layoff.
suppressMessages(library(survival))
d <- read.csv(gzfile("data/hr/emp_tmnt.csv.gz"), stringsAsFactors = FALSE)
day <- function(s) as.numeric(as.Date(sub(" .*", "", s), "%m/%d/%Y"))
last <- d[!duplicated(d$EmployeeID, fromLast = TRUE), ]
hire <- day(last$orighiredate_key)
term <- day(last$terminationdate_key)
term[last$terminationdate_key == "1/1/1900"] <- NA
censor <- max(c(hire, term), na.rm = TRUE)
since <- as.numeric(as.Date("2006-01-01"))
reason <- c(Resignaton = "resignation", Retirement = "retirement",
            Layoff = "layoff")[last$termreason_desc]
reason[is.na(term)] <- NA
s <- data.frame(id = last$EmployeeID, team = last$department_name,
                hire = hire, end = term, reason = unname(reason),
                role = last$job_title, stringsAsFactors = FALSE)
# Every departure counts for the contagion covariate below, also those
# before the observation starts (they still precede later intervals).
all_dep <- s[!is.na(s$reason), c("team", "end")]
s$exit <- ifelse(is.na(s$end), censor, s$end) - s$hire
s$entry <- pmax(0, since - s$hire)
s$entry_tenure <- s$entry
s <- s[s$exit > s$entry, ]
causes <- sort(unique(na.omit(s$reason)))
s$state <- factor(ifelse(is.na(s$reason), "censor", s$reason),
                  levels = c("censor", causes))

# Aalen-Johansen cumulative incidence: survfit on a multi-state Surv.
aj <- survfit(Surv(entry, exit, state) ~ 1, data = s, id = id)
at <- rowSums(aj$n.event) > 0
cif <- aj$pstate[at, match(causes, aj$states), drop = FALSE]

# Cause-specific Cox models, one multi-state coxph: tenure on entering
# observation as the covariate, a baseline per team. With an id, coxph
# reports a robust variance; exodus gives the model's (naive.var).
# Its default ties: with ties = "efron" written out, survival 3.5.3 gives
# resignation and retirement other coefficients (up to 4% apart), while the
# default agrees to 1e-10 with one coxph per cause with the other causes
# censored, the textbook cause-specific model; "method" below records it.
cs <- coxph(Surv(entry, exit, state) ~ entry_tenure + strata(team), data = s,
            id = id)

# The contagion covariate (exodus.h, exo_episodes_compute): in each risk
# interval (a, b] of tenure, the departures (any cause) of others in the
# same team on calendar days in (a - W, a], W = 90; intervals break where
# that count can change, at each such day d and d + W.
W <- 90
dep <- !is.na(s$reason)
ep <- vector("list", nrow(s))
for (i in seq_len(nrow(s))) {
  D <- sort(all_dep$end[all_dep$team == s$team[i]])
  a0 <- s$hire[i] + s$entry[i]; b0 <- s$hire[i] + s$exit[i]
  br <- sort(unique(c(D, D + W)))
  br <- br[br > a0 & br < b0]
  a <- c(a0, br); b <- c(br, b0)
  n <- findInterval(a, D) - findInterval(a - W, D)
  ep[[i]] <- data.frame(a = a - s$hire[i], b = b - s$hire[i], contagion = n,
                        event = c(rep(0, length(a) - 1), as.numeric(dep[i])),
                        team = s$team[i], hire = s$hire[i],
                        role = s$role[i], stringsAsFactors = FALSE)
}
ep <- do.call(rbind, ep)
ct <- coxph(Surv(a, b, event) ~ contagion + strata(team), data = ep,
            ties = "efron")
c0 <- coxph(Surv(a, b, event) ~ contagion, data = ep, ties = "efron")
# A baseline per job title (the exodus term strata(role)), contagion still
# counted within the team.
cr <- coxph(Surv(a, b, event) ~ contagion + strata(role), data = ep,
            ties = "efron")

# Calendar time (the exodus term 'year'): each interval split on every
# 1 January strictly inside it, on the calendar scale; a piece's year is
# that of the day it opens.
ep$ac <- ep$a + ep$hire
ep$bc <- ep$b + ep$hire
jan1 <- as.numeric(as.Date(sprintf("%d-01-01", 1950:2030)))
ey <- survSplit(Surv(ac, bc, event) ~ contagion + team + hire, data = ep,
                cut = jan1)
ey$year <- as.POSIXlt(as.Date(ey$ac, origin = "1970-01-01"))$year + 1900
ey$a <- ey$ac - ey$hire
ey$b <- ey$bc - ey$hire
cy <- coxph(Surv(a, b, event) ~ year + contagion, data = ey, ties = "efron")
cys <- coxph(Surv(a, b, event) ~ year + contagion + strata(team), data = ey,
             ties = "efron")

num <- function(x) paste0("[", paste(sprintf("%.17g", x), collapse = ", "), "]")
cat("{\n")
cat(sprintf('  "call": "%s",\n', "Rscript tests/ref/hr/retailer.R"))
cat(sprintf('  "R": "%s", "survival": "%s",\n', R.version.string,
            as.character(packageVersion("survival"))))
cat(sprintf('  "n": %d, "censor_day": %d, "since_day": %d,\n', nrow(s),
            as.integer(censor), as.integer(since)))
cat(sprintf('  "causes": [%s],\n', paste0('"', causes, '"', collapse = ", ")))
cat(sprintf('  "aj_time": %s,\n', num(aj$time[at])))
for (k in seq_along(causes))
  cat(sprintf('  "aj_%s": %s,\n', causes[k], num(cif[, k])))
for (k in seq_along(causes)) {
  j <- which(names(coef(cs)) == sprintf("entry_tenure_1:%d", k + 1))
  one <- coxph(Surv(entry, exit, state == causes[k]) ~ entry_tenure +
               strata(team), data = s, ties = "efron")
  cat(sprintf('  "cs_%s": {"coef": %.17g, "se": %.17g, "events": %d, "method": "%s", "one_cause_coef": %.17g},\n',
              causes[k], coef(cs)[j], sqrt(diag(cs$naive.var))[j],
              sum(s$state == causes[k]), cs$method, coef(one)))
}
cat(sprintf('  "contagion_strata_team": {"coef": %.17g, "se": %.17g, "loglik": %.17g, "events": %d},\n',
            coef(ct), sqrt(vcov(ct)[1, 1]), ct$loglik[2], ct$nevent))
cat(sprintf('  "contagion": {"coef": %.17g, "se": %.17g, "loglik": %.17g, "events": %d},\n',
            coef(c0), sqrt(vcov(c0)[1, 1]), c0$loglik[2], c0$nevent))
yfit <- function(key, f, last = FALSE) {
  for (term in c("year", "contagion"))
    cat(sprintf('  "%s_%s": {"coef": %.17g, "se": %.17g, "loglik": %.17g, "events": %d, "n": %d}%s\n',
                key, term, coef(f)[[term]], sqrt(vcov(f)[term, term]),
                f$loglik[2], f$nevent, f$n,
                if (last && term == "contagion") "" else ","))
}
cat(sprintf('  "contagion_strata_role": {"coef": %.17g, "se": %.17g, "loglik": %.17g, "events": %d},\n',
            coef(cr), sqrt(vcov(cr)[1, 1]), cr$loglik[2], cr$nevent))
yfit("contagion_year", cy)
yfit("contagion_year_strata_team", cys, last = TRUE)
cat("}\n")
