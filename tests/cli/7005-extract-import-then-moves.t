# --import goes through the validated moves import (source extract:FILE);
# the moves are then in the store.
setup: extract --import -q --org-context "Acme AI" $FIX/extract-news.txt
args: moves
status: 0
--- stdout
date        person         event       from       to         level    role
2016        Ana Lee        left        Microsoft  Acme AI    ic
2024-03-14  Jane Roe       left        Acme AI    Anthropic  founder  cofounder
2024-03-14  John Q. Smith  sabbatical  Acme AI    -          exec     chief technology officer
2024-03-14  Li Wei         joined      Acme AI    Google     ic       researcher
4 moves
