// The page adds an ad after loading, as ad scripts do: the extension reads
// the live DOM, so this ad reaches the cleaner and must be removed there.
const ad = document.createElement('div');
ad.className = 'ad-container promoted';
ad.id = 'ad-late';
ad.textContent = 'Hot singles in Skerry Point want to meet you';
document.querySelector('article')?.append(ad);
document.documentElement.dataset.lateAd = 'added';
