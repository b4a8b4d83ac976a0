// Demo analytics tag for /demo/site: it only records that it ran.
window.mamoriDemo = window.mamoriDemo || {};
window.mamoriDemo.analytics = true;
