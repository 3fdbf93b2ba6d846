awk 'BEGIN { for (i = 0; i < 100000; i++) printf "["; print "" }' > calendar/deep.yaml
