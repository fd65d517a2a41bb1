/* setup.c - placeholder */
