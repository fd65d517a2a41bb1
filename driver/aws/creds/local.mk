# driver/aws/creds: AWS credential provider chain
