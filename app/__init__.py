"""The Annotated Articles API: news articles with their annotations, over REST."""
