#!/usr/bin/env node
'use strict';
// The `charters` command: a tiny bin over main(params); all I/O is injected there.
require('../dist/cli.js').run();
