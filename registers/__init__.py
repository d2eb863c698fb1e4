"""Registers: the organisation tree, registers, risks and their actions."""
