# 5010-flows-decay-needs-excitation: --decay is for --excitation
args: flows --decay pair
status: 64
--- stdout
--- stderr
exodus: flows: --decay applies to --excitation
