# 4021-spiral-bad-baseline-value: unknown --baseline
args: spiral OpenAI --baseline linear
status: 64
--- stdout
--- stderr
exodus: spiral: unknown --baseline 'linear' (expected trend, constant or headcount)
