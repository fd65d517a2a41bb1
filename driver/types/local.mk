# driver/types: files added by this directory
