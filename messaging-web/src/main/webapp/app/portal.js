import {boot} from './shell.js';

boot({kind: 'portal'});
