# a constant covariate is named, never a NaN table
args: survival --data $SHARED/data/survival-ref/WA_Fn-UseC_-HR-Employee-Attrition.csv --time YearsAtCompany --event Attrition=Yes --cox "Age + StandardHours"
status: 1
--- stdout
$SHARED/data/survival-ref/WA_Fn-UseC_-HR-Employee-Attrition.csv: 1470 rows, 237 events
--- stderr
exodus: survival: covariate 'StandardHours' is constant (80 in every row), so its coefficient cannot be estimated
