"""The nlp stage: the spaCy pipeline with bilat's components, and the actor mentions it yields."""
