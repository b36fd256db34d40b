# 4014-spiral-window-and-org-options-clash
args: spiral OpenAI --window 0:1
status: 64
--- stdout
--- stderr
exodus: spiral: --window, --time and --stream apply to --events; use --since and --until with ORG
