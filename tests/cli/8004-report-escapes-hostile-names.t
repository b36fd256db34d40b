# names from data reach the page escaped: HTML entities in the page,
# \u003c inside the JSON of the <script> element
setup: import moves $FIX/moves-hostile.csv
setup: import finance $FIX/finance-hostile.csv
setup: import spells $FIX/spells-hostile.csv
args: report "<script>alert(1)</script>" -o -
status: 0
--- stdout-contains
<a href="#org-0">&lt;script&gt;alert(1)&lt;/script&gt;</a>
"org":"\u003cscript\u003ealert(1)\u003c/script\u003e"
"person":"\" onmouseover=\"x"
"note":"\u003c/script\u003e\u003cimg src=x onerror=alert(2)\u003e"
"id":"survival"
