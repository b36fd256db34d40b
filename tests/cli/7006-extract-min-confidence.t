args: extract --csv --min-confidence 0.9 $FIX/extract-news.txt
status: 0
--- stdout
person,from_org,to_org,role,level,event,date,date_precision,source_url
Li Wei,Acme AI,Google,researcher,ic,joined,2024-03-14,day,extract:extract-news.txt
