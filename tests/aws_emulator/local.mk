# tests/aws_emulator
