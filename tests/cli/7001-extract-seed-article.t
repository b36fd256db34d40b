args: extract $SHARED/seed-article.txt
status: 0
--- stdout
#  person         event                 from     to         role            level    date      conf
1  John Schulman  left                  OpenAI*  Anthropic  cofounder       founder  2024-08*  0.80
2  Greg Brockman  sabbatical            OpenAI*  -          cofounder       founder  2024-08*  0.75
3  Peter Deng     left                  OpenAI   -          product leader  lead     2024-08*  0.75
4  Elon Musk      founded (background)  -        OpenAI     -               founder  2015      0.70
4 candidates in $SHARED/seed-article.txt (context: OpenAI)
* from the text's context or date, not the sentence
  1  bytes 582-635: Cofounder John Schulman is heading to rival Anthropic
  2  bytes 640-686: Cofounder Greg Brockman is taking a sabbatical
  3  bytes 691-734: Product leader Peter Deng is also departing
  4  bytes 8755-8975: Musk — who co-founded OpenAI in 2015 — sued the company in February, accusing the ChatGPT maker of abandoning its original nonprofit mission by reserving some of its most advanced AI technology for private customers.
