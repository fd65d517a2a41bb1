"""awsemu: a local stand-in for the AWS endpoints rsodbc talks to (tests only)."""
