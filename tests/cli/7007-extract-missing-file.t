args: extract $FIX/no-such-news.txt
status: 66
--- stdout
--- stderr
exodus: extract: cannot open '$FIX/no-such-news.txt': No such file or directory
