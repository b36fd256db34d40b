# Dated history reaches the store through --import (ex18h): Berg's founding
# five years before the text (2019) and Ortiz's departure 18 months before
# it (2023-02) are moves of their own, at the precision the text gives.
# The undated history ("a few years ago", "in the 1990s") is not imported.
setup: extract --import -q --date 2024-08-06 $FIX/extract-history-dates.txt
args: moves --until 2023-12-31
status: 0
--- stdout
date     person     event    from       to          level    role
2019     Tom Berg   founded  Google     Brightwave  founder
2021     Omar Feld  joined   Toyota     Nissan      ic
2023-02  Ana Ortiz  left     Microsoft  -           ic
3 moves
