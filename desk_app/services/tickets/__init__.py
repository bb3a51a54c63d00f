"""Service tickets: intake, the state machine, clocks, completion."""
