#!/bin/bash
# The stale-preview check of issue 16: a site claim template lists every
# article title; a second article is added, served, retitled and saved; the
# script counts the claim pages `serve` still shows with the old title.
# usage: bash bench/stale.sh DOSSIER-BINARY PORT SITE-FOLDER
bin=$1; port=$2; src=$3
d=$(mktemp -d); cp -r $src/content $src/site.toml $d/
mkdir -p $d/templates; cp $src/templates/claim.html $d/templates/
echo '{{range .D.Articles}}<p class="all">{{.Title}}</p>{{end}}' >> $d/templates/claim.html
printf '+++\ntitle = "A second article"\ndate = 2022-01-12\n+++\n\nA second article.\n' > $d/content/articles/second.md
$bin serve --source $d --port $port > $d/serve.log 2>&1 &
pid=$!
for i in $(seq 60); do curl -s -o /dev/null http://127.0.0.1:$port/ && break; sleep 0.5; done
verdicts="true mostly-true misleading false unverified disputed not-rated"
ids=$(curl -s http://127.0.0.1:$port/claims/ | grep -o 'href="/claims/[a-z0-9-]*/"' | sed 's|href="/claims/\(.*\)/"|\1|' | sort -u)
pages=""
for id in $ids; do case " $verdicts " in *" $id "*) continue;; esac; pages="$pages $id"; done
for id in $pages; do curl -s http://127.0.0.1:$port/claims/$id/ >/dev/null; done
sed -i 's/title = "A second article"/title = "Retitled second article"/' $d/content/articles/second.md
sleep 3
stale=0; total=0
for id in $pages; do total=$((total+1)); curl -s http://127.0.0.1:$port/claims/$id/ | grep -q 'Retitled second article' || stale=$((stale+1)); done
echo "$bin: stale $stale of $total claim pages"
kill $pid; wait $pid 2>/dev/null
