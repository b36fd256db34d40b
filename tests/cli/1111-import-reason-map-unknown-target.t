# a --reason-map target outside both vocabularies: the error lists them
args: import spells --reason-map Quit=quit $FIX/spells-no-team.csv
status: 64
--- stderr
exodus: import: unknown end reason 'quit' in --reason-map (expected resignation, retirement, layoff, dismissal, end_of_contract, death, transfer or other; or left, sabbatical, fired, died, acquired or unknown; or empty)
