args: extract $SHARED/seed-article.txt
status: 0
--- stdout
#  person         event                 from     to         role             level    date      conf
1  John Schulman  left                  OpenAI*  Anthropic  cofounder        founder  2024-08*  0.93
2  Greg Brockman  sabbatical            OpenAI*  -          cofounder        founder  2024-08*  0.91
3  Peter Deng     left                  OpenAI   -          product leader   lead     2024-08*  0.95
4  Peter Deng     joined (background)   -        OpenAI     product manager  lead     2023      0.90
5  Elon Musk      founded (background)  -        OpenAI     -                founder  2015      0.87
6  Greg Brockman  left (background)     OpenAI*  -          -                -        -         0.85
7  Sam Altman     fired (background)    OpenAI*  -          -                -        -         0.94
7 candidates in $SHARED/seed-article.txt (context: OpenAI)
* from the text's context or date, not the sentence
  1  bytes 582-635: Cofounder John Schulman is heading to rival Anthropic
  2  bytes 640-686: Cofounder Greg Brockman is taking a sabbatical
  3  bytes 691-734: Product leader Peter Deng is also departing
  4  bytes 6537-6696: Peter Deng, a product manager who joined OpenAI last year after leading products at Meta, Uber, and Airtable, also exited some time ago, the company confirmed.
  5  bytes 8755-8975: Musk — who co-founded OpenAI in 2015 — sued the company in February, accusing the ChatGPT maker of abandoning its original nonprofit mission by reserving some of its most advanced AI technology for private customers.
  6  bytes 12467-12591: Greg Brockman quit for a few days when Sam Altman was fired, but now it seems he is quitting when OpenAI needs him the most.
  7  bytes 12467-12591: Greg Brockman quit for a few days when Sam Altman was fired, but now it seems he is quitting when OpenAI needs him the most.
