awk 'BEGIN { printf "kind: calendar\nversion: 1\ntitle: "; for (i = 0; i < 1100000; i++) printf "x"; print ""; print "items: []" }' > calendar/big.yaml
