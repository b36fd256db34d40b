# After --import, only the rules' move is in the store: the learned
# reader's proposal waits for a person to review it (ex17c).
setup: extract --import --date 2025-03-04 $FIX/extract-learned.txt
args: moves
status: 0
--- stdout
date        person      event  from   to  level  role
2025-03-04  Dan Petrov  fired  Hawks  -   lead   coach
1 moves
