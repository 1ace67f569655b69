"""A multi-node run on one machine (`make cluster`, `make cluster-test`): two app servers, two
task workers, PostgreSQL, Redis and an S3-compatible server on loopback ports, and scenarios
that check what several nodes must share (docs/operations.md: "The cluster on one machine")."""
