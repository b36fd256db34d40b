args: extract --csv --min-confidence 0.915 $FIX/extract-news.txt
status: 0
--- stdout
person,from_org,to_org,role,level,event,date,date_precision,source_url
Jane Roe,Acme AI,Anthropic,cofounder,founder,left,2024-03-14,day,extract:extract-news.txt
John Q. Smith,Acme AI,,chief technology officer,exec,sabbatical,2024-03-14,day,extract:extract-news.txt
Li Wei,Acme AI,Google,researcher,ic,joined,2024-03-14,day,extract:extract-news.txt
