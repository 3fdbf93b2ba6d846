ln -s ../plans/q4.yaml calendar/q4.yaml
