# --review-below 0 imports the learned reader's proposal too, once a
# person has read it (ex17c).
setup: extract --import --review-below 0 --date 2025-03-04 $FIX/extract-learned.txt
args: moves
status: 0
--- stdout
date        person       event  from   to  level  role
2025-03-04  Dan Petrov   fired  Hawks  -   lead   coach
2025-03-04  Marta Ilves  fired  Hawks  -   ic
2 moves
