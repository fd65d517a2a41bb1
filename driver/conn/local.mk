# driver/conn: files added by this directory
