# --review-below 0 imports every importable candidate.
setup: extract --import -q --review-below 0 --date 2025-03-04 $FIX/extract-review.txt
args: moves
status: 0
--- stdout
date        person        event   from   to      level  role
2025-03-04  Ken Adeyemi   joined  Intel  Nvidia  ic
2025-03-04  Lena Fischer  joined  Intel  Nvidia  ic
2025-03-04  Marta Ruiz    joined  Intel  Nvidia  ic
2025-03-04  Omar Feld     left    Intel  -       ic
4 moves
