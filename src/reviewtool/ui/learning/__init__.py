"""The Learning into practice page: topic briefings, deliveries, RAG reviews of actions."""
