# driver/aws: files added by this directory
