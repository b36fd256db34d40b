args: extract $SHARED/seed-article.txt
status: 0
--- stdout
#  person         event                 from     to         role            level    date      conf
1  John Schulman  left                  OpenAI*  Anthropic  cofounder       founder  2024-08*  0.80
2  Greg Brockman  sabbatical            OpenAI*  -          cofounder       founder  2024-08*  0.75
3  Peter Deng     left                  OpenAI   -          product leader  lead     2024-08*  0.75
4  Elon Musk      founded (background)  -        OpenAI     -               founder  2015      0.70
5  Greg Brockman  left (background)     OpenAI*  -          -               -        -         0.60
6  Sam Altman     fired (background)    OpenAI*  -          -               -        -         0.60
6 candidates in $SHARED/seed-article.txt (context: OpenAI)
* from the text's context or date, not the sentence
  1  bytes 582-635: Cofounder John Schulman is heading to rival Anthropic
  2  bytes 640-686: Cofounder Greg Brockman is taking a sabbatical
  3  bytes 691-734: Product leader Peter Deng is also departing
  4  bytes 8755-8975: Musk — who co-founded OpenAI in 2015 — sued the company in February, accusing the ChatGPT maker of abandoning its original nonprofit mission by reserving some of its most advanced AI technology for private customers.
  5  bytes 12467-12591: Greg Brockman quit for a few days when Sam Altman was fired, but now it seems he is quitting when OpenAI needs him the most.
  6  bytes 12467-12591: Greg Brockman quit for a few days when Sam Altman was fired, but now it seems he is quitting when OpenAI needs him the most.
