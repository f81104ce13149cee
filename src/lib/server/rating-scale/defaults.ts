/** The default scale (product.md), in order: the six ClaimReview values, then Unverifiable. */
export const defaultRatings = [
	{
		key: 'true',
		value: 6,
		color: '#17803d',
		labels: { en: 'True', 'zh-Hant': '正確' },
		descriptions: {
			en: 'The claim is accurate and nothing significant is missing.',
			'zh-Hant': '說法正確，沒有遺漏重要資訊。'
		}
	},
	{
		key: 'mostly_true',
		value: 5,
		color: '#4a7c1a',
		labels: { en: 'Mostly true', 'zh-Hant': '大致正確' },
		descriptions: {
			en: 'The claim is accurate but needs clarification or additional information.',
			'zh-Hant': '說法大致正確，但需要補充說明或更多資訊。'
		}
	},
	{
		key: 'mixed',
		value: 4,
		color: '#8a5a00',
		labels: { en: 'Mixed', 'zh-Hant': '真假參半' },
		descriptions: {
			en: 'The claim has significant elements of both truth and falsity.',
			'zh-Hant': '說法中正確與錯誤的部分都相當重要。'
		}
	},
	{
		key: 'misleading',
		value: 3,
		color: '#b2500b',
		labels: { en: 'Misleading', 'zh-Hant': '誤導' },
		descriptions: {
			en: 'The claim uses accurate facts in a way that leaves a false impression.',
			'zh-Hant': '說法以正確的事實營造錯誤的印象。'
		}
	},
	{
		key: 'mostly_false',
		value: 2,
		color: '#c0361b',
		labels: { en: 'Mostly false', 'zh-Hant': '大致錯誤' },
		descriptions: {
			en: 'The claim contains an element of truth but ignores critical facts.',
			'zh-Hant': '說法含有部分事實，但忽略了關鍵資訊。'
		}
	},
	{
		key: 'false',
		value: 1,
		color: '#a8201a',
		labels: { en: 'False', 'zh-Hant': '錯誤' },
		descriptions: { en: 'The claim is not accurate.', 'zh-Hant': '說法不正確。' }
	},
	{
		key: 'unverifiable',
		value: null,
		color: '#5b6470',
		labels: { en: 'Unverifiable', 'zh-Hant': '無法查證' },
		descriptions: {
			en: 'The available evidence can neither confirm nor refute the claim.',
			'zh-Hant': '現有證據無法證實也無法否定這項說法。'
		}
	}
];
