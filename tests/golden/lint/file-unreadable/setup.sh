echo 'kind: calendar' > ../outside.yaml && ln -s ../../outside.yaml calendar/link.yaml
