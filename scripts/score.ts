// The GUIDE.md scoring lives in the library (the train command labels candidates with it); scripts import it from here.
export * from '../src/model/score.js';
