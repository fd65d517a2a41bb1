# driver/stmt: files added by this directory
